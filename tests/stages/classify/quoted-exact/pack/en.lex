"special"	food
waiter	staff
