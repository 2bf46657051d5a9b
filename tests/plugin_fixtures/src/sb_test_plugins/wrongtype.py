from streekbeleid import hookimpl


@hookimpl
def streekbeleid_bodies():
    return [{"id": "wrongtype:x"}]
