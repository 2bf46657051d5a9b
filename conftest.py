"""For every test folder (tests, src, docs, plugins): the tests read English unless a test asks for Dutch.

People get Dutch first (see docs/languages.md); the tests fix the language so that they do not depend on the
locale of the machine they run on.  A test of Dutch text says so: ``--lang nl``, ``use_language("nl")`` or its
own ``STREEKBELEID_LANG``.  Subprocesses the tests start inherit the setting.
"""

import os

os.environ["STREEKBELEID_LANG"] = "en"
