from streekbeleid import Actor, hookimpl


@hookimpl
def streekbeleid_actor():  # misspelled: the hook is streekbeleid_actors
    return [Actor(id="misspelled:x", name="X", kind="agency")]
