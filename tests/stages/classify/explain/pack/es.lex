camarero	staff
camarera	staff
comida	food
sopa	food
espera	waiting
precio	price
sin gluten	food
