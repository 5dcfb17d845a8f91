服务*	staff
员工	nowhere
服
服务	staff:0
