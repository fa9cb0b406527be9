# The few things a newcomer needs; each is a thin wrapper over run.py.
.PHONY: run test lint bench
run:
	python3 run.py serve
test:
	python3 run.py test
lint:
	python3 run.py lint
bench:
	python3 run.py bench
