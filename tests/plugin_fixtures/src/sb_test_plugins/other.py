from streekbeleid import Membership, hookimpl


@hookimpl
def streekbeleid_records():
    # refers across plugins: to the body of the plugin "good"
    return [Membership(id="other:in-good", organization="good:body", member="org:abvv")]
