"""Files made ahead in a second process arrive whole, in any reading order, and failures surface here."""

import os
import signal

import pytest

from generator.writing.ahead import Ahead, JobFailed, WorkerGone


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


@pytest.mark.parametrize("parallel", [True, False])
def test_a_value_let_go_is_no_longer_held_and_reading_it_again_is_a_key_error(parallel):
    made = Ahead(_jobs(3), parallel=parallel)
    assert made["p0"].startswith("0:")
    made.forget("p0")
    made.forget("p2")  # perhaps before it arrives: it is dropped when it does
    assert made["p1"].startswith("1:")
    for key in ("p0", "p2"):
        with pytest.raises(KeyError, match=key):
            made[key]
    assert "p0" in made and len(made) == 3  # still a key of the mapping: only its value is gone
    assert "p0" not in made._made and "p2" not in made._made


class Broken(Exception):
    pass


def test_a_job_that_fails_over_there_raises_its_own_error_here_and_is_never_run_here(tmp_path):
    ran = tmp_path / "ran"

    def broken():
        with ran.open("a") as f:
            f.write(f"{os.getpid()}\n")
        raise Broken("template error in p1")

    jobs = {"p0": lambda: "fine", "p1": broken, "p2": lambda: f"after:{os.getpid()}"}
    made = Ahead(jobs, parallel=True)
    assert made["p0"] == "fine"
    with pytest.raises(Broken, match="template error in p1") as raised:
        made["p1"]
    assert "in the worker process:" in raised.value.__notes__[0] and "def broken" not in raised.value.__notes__[0]
    assert "raise Broken" in raised.value.__notes__[0]  # the worker's traceback
    with pytest.raises(Broken):
        made["p1"]  # read again: the same error, still not run here
    assert made["p2"].split(":")[1] != str(os.getpid())  # the worker went on after the failure
    assert ran.read_text().split() != [str(os.getpid())] and len(ran.read_text().split()) == 1
    with pytest.raises(KeyError):
        made["p3"]


def test_an_error_that_cannot_cross_the_pipe_is_raised_by_its_name():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def broken():
        raise Local("no pickle")

    made = Ahead({"p0": broken}, parallel=True)
    with pytest.raises(JobFailed, match=r"test_ahead\..*Local: no pickle") as raised:
        made["p0"]
    assert "Local" in raised.value.__notes__[0]


def test_a_worker_that_dies_is_said_for_what_it_did_not_make():
    jobs = {"p0": lambda: "fine", "p1": lambda: os.kill(os.getpid(), signal.SIGKILL), "p2": lambda: "never"}
    made = Ahead(jobs, parallel=True)
    assert made["p0"] == "fine"
    for key in ("p1", "p2"):
        with pytest.raises(WorkerGone, match=rf"ended \(-9\) before making {key}"):
            made[key]


def test_the_worker_ends_on_sigterm_inside_a_call_that_never_returns_and_ignores_ctrl_c():
    """Its parent's handlers (the command turns SIGTERM into KeyboardInterrupt) are not the worker's: one
    that waits forever in native code (a thread pool whose threads a fork left behind) could never run them."""
    import threading

    previous = signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        stuck = threading.Lock()
        stuck.acquire()
        made = Ahead({"p0": lambda: "fine", "p1": stuck.acquire}, parallel=True)
        assert made["p0"] == "fine"
        worker = made._worker
        os.kill(worker.pid, signal.SIGINT)
        worker.join(timeout=0.5)
        assert worker.is_alive()  # Ctrl-C is for the parent
        made.close()
        worker.join(timeout=10)
        assert worker.exitcode == -signal.SIGTERM
    finally:
        signal.signal(signal.SIGTERM, previous)
