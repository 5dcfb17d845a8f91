serv*	staff
servic*	food
