"""Draws Vigie's toolbar icon (a white "V" on the collective's blue, rounded) at the sizes the manifest
declares, as PNG, with the standard library only. Run once after a change: python3 build/make-icons.py"""
import struct
import zlib
from pathlib import Path

BLUE = (29, 79, 145)
WHITE = (255, 255, 255)


def inside_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def pixel(x, y, size):
    # 4x4 supersampling for smooth edges.
    cover_bg = cover_v = 0
    for sx in range(4):
        for sy in range(4):
            px, py = x + (sx + 0.5) / 4, y + (sy + 0.5) / 4
            if inside_rounded_square(px, py, size, size * 0.22):
                cover_bg += 1
                stroke = size * 0.09
                left = distance_to_segment(px, py, size * 0.26, size * 0.24, size * 0.5, size * 0.76)
                right = distance_to_segment(px, py, size * 0.74, size * 0.24, size * 0.5, size * 0.76)
                if min(left, right) <= stroke:
                    cover_v += 1
    if cover_bg == 0:
        return (0, 0, 0, 0)
    mix = cover_v / cover_bg
    rgb = tuple(round(BLUE[i] * (1 - mix) + WHITE[i] * mix) for i in range(3))
    return (*rgb, round(255 * cover_bg / 16))


def png(size):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


for size in (16, 32, 48, 128):
    Path(f"public/icon/{size}.png").write_bytes(png(size))
