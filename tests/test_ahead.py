"""Files made ahead in a second process arrive whole, in any reading order, and failures surface here."""

import os

import pytest

from generator.writing.ahead import Ahead


def _jobs(n=50):
    return {f"p{i}": (lambda i=i: f"{i}:{os.getpid()}") for i in range(n)}


def test_a_second_process_makes_every_value_and_reading_order_does_not_matter():
    made = Ahead(_jobs(), parallel=True)
    assert "p7" in made and "nope" not in made and len(made) == 50
    values = [made[k] for k in ("p49", "p0", "p7")]
    assert [v.split(":")[0] for v in values] == ["49", "0", "7"]
    assert {v.split(":")[1] for v in values} != {str(os.getpid())}  # made elsewhere
    assert [made[k].split(":")[0] for k in made] == [str(i) for i in range(50)]


def test_an_extra_is_made_over_there_after_the_jobs_and_is_no_key_of_the_mapping():
    made = Ahead(_jobs(3), parallel=True, extras={"total": lambda: f"3:{os.getpid()}"})
    assert list(made) == ["p0", "p1", "p2"] and "total" not in made and len(made) == 3
    assert made.extra("total").split(":") == ["3", made["p0"].split(":")[1]]  # by the same worker
    with pytest.raises(KeyError):
        made["total"]
    with pytest.raises(KeyError):
        made.extra("p0")
    assert Ahead(_jobs(1), parallel=False, extras={"total": lambda: "here"}).extra("total") == "here"


def test_without_parallel_values_are_made_here_when_read():
    made = Ahead(_jobs(3), parallel=False)
    assert made["p2"] == f"2:{os.getpid()}"


def test_a_job_that_fails_over_there_raises_its_own_error_here():
    class Broken(Exception):
        pass

    def broken():
        raise Broken("template error in p1")

    jobs = {"p0": lambda: "fine", "p1": broken, "p2": lambda: "after"}
    made = Ahead(jobs, parallel=True)
    assert made["p0"] == "fine"
    with pytest.raises(Broken, match="template error in p1"):
        made["p1"]
    assert made["p2"] == "after"  # made here once the worker has stopped
    with pytest.raises(KeyError):
        made["p3"]
