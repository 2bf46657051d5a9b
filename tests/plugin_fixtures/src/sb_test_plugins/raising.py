from streekbeleid import hookimpl


@hookimpl
def streekbeleid_bodies():
    raise RuntimeError("cannot reach the database")
