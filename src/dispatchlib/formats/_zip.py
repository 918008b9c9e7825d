"""Zip archives whose bytes depend only on their contents: every entry gets the same fixed time."""

from __future__ import annotations

import datetime
import io
import os
import struct
import zipfile
from typing import IO, Any

__all__ = ["FixedTimeZipFile", "build_time", "restamp"]

_COMPRESSED_ALREADY = (".jpg", ".jpeg", ".png", ".gif", ".webp")
_ZIP_EPOCH = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)


def build_time(date: datetime.date | None) -> datetime.datetime:
    """The moment a build claims: ``SOURCE_DATE_EPOCH`` if set, else ``date``, else 1980-01-01 (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(datetime.datetime.fromtimestamp(int(epoch), datetime.UTC), _ZIP_EPOCH)
    if date is None:
        return _ZIP_EPOCH
    return max(datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC), _ZIP_EPOCH)


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
        super().writestr(info, data, compresslevel=compresslevel)


def restamp(data: bytes, moment: datetime.datetime) -> bytes:
    """The same archive with every entry's time set to ``moment``, for writers that stamp the clock.

    Only the two time fields of each local header and central-directory entry change, so nothing
    is decompressed or compressed again.
    """
    time = (moment.hour << 11) | (moment.minute << 5) | (moment.second // 2)
    date = ((moment.year - 1980) << 9) | (moment.month << 5) | moment.day
    stamp = struct.pack("<HH", time, date)
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        position = archive.start_dir
        for info in archive.infolist():
            out[info.header_offset + 10 : info.header_offset + 14] = stamp
            out[position + 12 : position + 16] = stamp
            name, extra, comment = struct.unpack_from("<HHH", data, position + 28)
            position += 46 + name + extra + comment
    return bytes(out)
