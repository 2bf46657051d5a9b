from importlib.resources import files

from streekbeleid import Actor, Body, CadenceRule, Membership, Period, SeatGroup, hookimpl


@hookimpl
def streekbeleid_data_files():
    return [files("sb_test_plugins") / "data" / "good.yaml"]


@hookimpl
def streekbeleid_bodies():
    return [
        Body(
            id="good:council",
            name="Good Council",
            kind="council",
            seat_groups=[SeatGroup(name="employers", seats=2)],
            cadence=[CadenceRule(min_meetings=4)],
        )
    ]


@hookimpl
def streekbeleid_actors():
    return [Actor(id="good:agency", name="Good Agency", kind="agency")]


@hookimpl
def streekbeleid_records():
    return [
        Membership(
            id="good:council/voka",
            organization="good:council",
            member="org:voka",
            seat_group="employers",
            valid=Period.parse("2014/2019"),
        )
    ]
