from src.calculator import add, divide

print(add(2, 3))
print(divide(10, 4))
