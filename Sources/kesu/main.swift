print("kesu")
