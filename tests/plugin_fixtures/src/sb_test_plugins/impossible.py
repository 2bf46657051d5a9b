from importlib.resources import files

from streekbeleid import hookimpl


@hookimpl
def streekbeleid_data_files():
    return [files("sb_test_plugins") / "data" / "impossible.yaml"]
