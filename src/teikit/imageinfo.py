"""The kind and pixel size of a page image, read from its first bytes.

Enough for the facsimile's ``<graphic width height mimeType>`` and the IIIF
manifest's canvases: PNG, JPEG and GIF headers are read here (a few hundred
bytes, never the whole image), so no imaging library is needed. WebP is
recognized without its size.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

#: Image files the facsimile accepts, by suffix (lower case), with their media type:
#: the formats every browser shows.
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp"}
#: How far into a JPEG its frame header is looked for (metadata segments come first).
_JPEG_SCAN = 1 << 20


@dataclass(frozen=True)
class ImageInfo:
    """What the header says: the media type, and the size in pixels when known."""

    mime: str
    width: int | None = None
    height: int | None = None


def read_image_info(path: Path) -> ImageInfo | None:
    """The image's type and size, or None when the file is none of the accepted kinds."""
    with open(path, "rb") as handle:
        head = handle.read(32)
        if head.startswith(b"\x89PNG\r\n\x1a\n") and head[12:16] == b"IHDR":
            width, height = struct.unpack(">II", head[16:24])
            return ImageInfo("image/png", width, height)
        if head[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", head[6:10])
            return ImageInfo("image/gif", width, height)
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return ImageInfo("image/webp")
        if head[:2] == b"\xff\xd8":
            handle.seek(2)
            return ImageInfo("image/jpeg", *_jpeg_size(handle.read(_JPEG_SCAN)))
    return None


def _jpeg_size(data: bytes) -> tuple[int | None, int | None]:
    """Width and height from the first start-of-frame segment (SOF0–SOF15 but DHT, JPG, DAC)."""
    pos = 0
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None, None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if pos + 9 > len(data):
                return None, None
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            return width, height
        if marker == 0xDA:  # the image data begins: no frame header before it
            return None, None
        pos += 2 + length
    return None, None
