module example.com/traceback

go 1.19
