"""Zip archives whose bytes depend only on their contents: every entry gets the same fixed time."""

from __future__ import annotations

import datetime
import os
import zipfile
from typing import IO, Any

__all__ = ["FixedTimeZipFile", "build_time"]

_COMPRESSED_ALREADY = (".jpg", ".jpeg", ".png", ".gif", ".webp")
# A zip entry's time is an MS-DOS time: the years 1980 to 2107 only.
_ZIP_EPOCH = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)
_ZIP_END = datetime.datetime(2107, 12, 31, 23, 59, 58, tzinfo=datetime.UTC)


def build_time(date: datetime.date | None) -> datetime.datetime:
    """The moment a build claims: ``SOURCE_DATE_EPOCH`` if set, else ``date``, else 1980-01-01
    (UTC), brought into the years a zip entry can carry (1980 to 2107): a dispatch dated 9999
    or 1901 still makes a book."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = _ZIP_EPOCH
    if epoch.isdigit():
        seconds = min(int(epoch), int(_ZIP_END.timestamp()))
        moment = datetime.datetime.fromtimestamp(seconds, datetime.UTC)
    elif date is not None:
        moment = datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC)
    return min(max(moment, _ZIP_EPOCH), _ZIP_END)


class FixedTimeZipFile(zipfile.ZipFile):
    """A ZipFile whose ``writestr`` stamps every entry with ``moment`` and fixed permissions."""

    def __init__(self, file: str | IO[bytes], moment: datetime.datetime, **kwargs: Any) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, **kwargs)
        self.moment = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) else zinfo_or_arcname
        info = zipfile.ZipInfo(name, date_time=self.moment)
        info.compress_type = zipfile.ZIP_DEFLATED if compress_type is None else compress_type
        if isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info.compress_type = zinfo_or_arcname.compress_type
        if name.lower().endswith(_COMPRESSED_ALREADY):  # deflating a JPEG costs time and saves nothing
            info.compress_type = zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        info.create_system = 3
        # a ZipInfo does not take the archive's own level by itself: pass it on
        super().writestr(info, data, compresslevel=self.compresslevel if compresslevel is None else compresslevel)
