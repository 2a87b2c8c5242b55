module std_math_funcs

go 1.22
