服务员	staff
服务	staff:0.5
菜	food
汤	food
排队	waiting
價格	price
