"""A small thread-safe LRU map, for per-block results shared across drafts.

Bounded by entries and, when given `max_weight`, by the total weight of what it
holds (characters of text for per-block results: a cached block costs memory in
proportion to its length, so 4,096 blocks of a megabyte each must not be kept).
"""
from __future__ import annotations

import threading
from collections import OrderedDict


class LRU:
    def __init__(self, maxsize: int, max_weight: int | None = None) -> None:
        self.maxsize = maxsize
        self.max_weight = max_weight
        self._items: OrderedDict = OrderedDict()  # key -> (value, weight)
        self._weight = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key):
        with self._lock:
            entry = self._items.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return entry[0]

    def put(self, key, value, weight: int = 1) -> None:
        with self._lock:
            if self.max_weight is not None and weight > self.max_weight:
                return  # larger than the whole cache: not kept
            old = self._items.pop(key, None)
            if old is not None:
                self._weight -= old[1]
            self._items[key] = (value, weight)
            self._weight += weight
            while len(self._items) > self.maxsize or (self.max_weight is not None and self._weight > self.max_weight):
                _, (_, dropped) = self._items.popitem(last=False)
                self._weight -= dropped

    @property
    def weight(self) -> int:
        return self._weight

    def __len__(self) -> int:
        return len(self._items)
