# term<TAB>dimension[:weight]
waiter	staff
Waitress	staff
staff	staff
servic*	staff:0.5
food	food
soup	food
meal	food
waiting time	waiting
wait*	waiting
queue	waiting
price	price
value for money	price:1.5
place	product:0.3
