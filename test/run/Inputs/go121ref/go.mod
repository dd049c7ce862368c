module go121ref

go 1.19
