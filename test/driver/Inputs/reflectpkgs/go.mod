module example.com/reflectpkgs

go 1.19
