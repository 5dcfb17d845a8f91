servitris	staff
personal	staff
mat	food
soppa	food
kö	waiting
väntetid	waiting
pris	price
