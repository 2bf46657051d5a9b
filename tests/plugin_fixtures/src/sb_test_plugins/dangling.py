from streekbeleid import Membership, hookimpl


@hookimpl
def streekbeleid_records():
    return [Membership(id="dangling:m", organization="dangling:nowhere", member="org:vokaa")]
