"""Running the read-extract-understand stages on a Dask cluster.

`--cluster local:N` starts a LocalCluster of N single-threaded worker processes on this machine;
`--cluster tcp://HOST:PORT` joins a running scheduler. Workers run the same stage functions as a
local run, a batch at a time (the spaCy model is loaded once per worker process and kept); the
driver keeps reading the sources and stores results in the order the documents came, so the store
ends up exactly as after a local run. At most `IN_FLIGHT_PER_WORKER` batches per worker are out at
once, so a large archive streams through in flat memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .errors import ClusterError

IN_FLIGHT_PER_WORKER = 2


@contextmanager
def connect(spec: str, timeout: float = 30):
    """A dask.distributed Client for "local:N" or "tcp://HOST:PORT"."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - distributed is a pinned dependency
        raise ClusterError("dask.distributed is not installed") from exc
    if spec.startswith("local:"):
        try:
            workers = int(spec.split(":", 1)[1])
        except ValueError as exc:
            raise ClusterError(f"{spec!r}: say local:N with N the number of workers") from exc
        if workers < 1:
            raise ClusterError(f"{spec!r}: a cluster needs at least one worker")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
    elif spec.startswith("tcp://"):
        try:
            client = Client(spec, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"{spec}: no Dask scheduler answers: {exc}") from exc
        try:
            yield client
        finally:
            client.close()
    else:
        raise ClusterError(f"{spec!r}: a cluster is local:N or tcp://HOST:PORT")


def batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_in_order(client, function, items: Iterable, batch_size: int) -> Iterator:
    """function(batch) on the workers for each batch of items; results in input order, bounded in flight."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = workers * IN_FLIGHT_PER_WORKER
    pending: deque = deque()
    for batch in batches(items, batch_size):
        pending.append(client.submit(function, batch, pure=False))
        while len(pending) >= limit:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
