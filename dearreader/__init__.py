"""Dear Reader: a self-hostable archive for fan fiction and the letters around it."""
