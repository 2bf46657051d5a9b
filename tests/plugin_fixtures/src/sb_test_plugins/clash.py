from streekbeleid import Body, hookimpl


@hookimpl
def streekbeleid_bodies():
    return [Body(id="good:body", name="Not mine", kind="other")]
