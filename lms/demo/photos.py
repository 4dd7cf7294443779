"""Lesson photos for the demo, drawn with Pillow when the demo loads (no image file is copied in).

Each is a simple scene (a table by a window, a market stall, a shop front...) made to weigh what a phone photo
weighs once uploaded: 1600x1000 JPEG, with soft focus, uneven light, a vignette and sensor grain, so the light
renditions of an offline pack cost what real lesson photos cost. The scene is drawn at half size and enlarged
(the enlargement is the soft focus), which keeps a photo near 0.1 s of CPU.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from io import BytesIO

from PIL import Image, ImageChops, ImageDraw, ImageOps

SIZE = (1600, 1000)
DRAW = (800, 500)
RGB = tuple[int, int, int]


def _shade(rng: random.Random, base: RGB, spread: int = 18) -> RGB:
    return tuple(max(0, min(255, c + rng.randint(-spread, spread))) for c in base)  # type: ignore[return-value]


def _table(draw: ImageDraw.ImageDraw, rng: random.Random, top: int) -> None:
    """A wooden table from `top` down, with its grain."""
    w, h = DRAW
    wood = _shade(rng, (150, 104, 68))
    draw.rectangle((0, top, w, h), fill=wood)
    for _n in range(40):
        y = rng.randint(top, h)
        draw.line((0, y, w, y + rng.randint(-6, 6)), fill=_shade(rng, wood, 25), width=rng.randint(1, 3))


def _window(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    x = rng.randint(460, 560)
    draw.rectangle((x, 40, x + 200, 260), fill=(250, 248, 238), outline=(205, 200, 190), width=8)
    draw.line((x + 100, 40, x + 100, 260), fill=(205, 200, 190), width=6)


def _coins(draw: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int) -> None:
    for _n in range(rng.randint(5, 9)):
        cx, cy = x + rng.randint(-50, 50), y + rng.randint(-12, 12)
        draw.ellipse((cx - 16, cy - 8, cx + 16, cy + 8), fill=_shade(rng, (212, 175, 80)), outline=(150, 120, 50))


def _notebook(draw: ImageDraw.ImageDraw, rng: random.Random, x: int, y: int) -> None:
    draw.polygon([(x, y), (x + 210, y - 10), (x + 230, y + 90), (x + 15, y + 100)], fill=(245, 243, 235))
    for n in range(1, 8):
        draw.line((x + 20, y + n * 12, x + 205, y + n * 12 - 9), fill=(150, 170, 200), width=1)


def scene_table(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A notebook of accounts and coins on a wooden table, by a window."""
    _window(draw, rng)
    _table(draw, rng, 320)
    _notebook(draw, rng, rng.randint(120, 220), 360)
    _coins(draw, rng, rng.randint(480, 600), 420)


def scene_market(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A market stall with crates of fruit under a striped awning."""
    w, _h = DRAW
    stripe = _shade(rng, (200, 60, 50))
    for n in range(0, w, 80):
        draw.rectangle((n, 0, n + 40, 110), fill=stripe)
        draw.rectangle((n + 40, 0, n + 80, 110), fill=(240, 236, 226))
    _table(draw, rng, 330)
    fruit = [(230, 160, 40), (200, 40, 40), (120, 170, 60), (240, 200, 60), (150, 60, 120)]
    for crate in range(4):
        x0 = 40 + crate * 190
        draw.rectangle((x0, 250, x0 + 170, 350), fill=_shade(rng, (170, 130, 80)))
        colour = fruit[rng.randrange(len(fruit))]
        for _n in range(22):
            cx, cy = x0 + rng.randint(15, 155), 255 + rng.randint(0, 30)
            draw.ellipse((cx - 17, cy - 17, cx + 17, cy + 17), fill=_shade(rng, colour, 22))


def scene_shop(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """The front of a neighbourhood shop: a door and a window full of products."""
    draw.rectangle((0, 400, DRAW[0], DRAW[1]), fill=_shade(rng, (160, 160, 155)))
    draw.rectangle((90, 150, 250, 400), fill=_shade(rng, (70, 55, 45)))
    draw.rectangle((320, 140, 720, 340), fill=(215, 225, 230), outline=(90, 90, 90), width=6)
    for shelf in range(3):
        y = 200 + shelf * 50
        draw.line((326, y, 714, y), fill=(120, 110, 100), width=4)
        x = 335
        while x < 700:
            width = rng.randint(18, 40)
            draw.rectangle((x, y - rng.randint(25, 42), x + width, y - 2), fill=_shade(rng, (120, 120, 120), 110))
            x += width + rng.randint(3, 8)
    draw.rectangle((60, 60, 740, 120), fill=_shade(rng, (40, 110, 150)))


def scene_phone(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A phone on a table with a conversation open on its screen."""
    _window(draw, rng)
    _table(draw, rng, 300)
    x, y = rng.randint(260, 420), 250
    draw.rounded_rectangle((x, y, x + 150, y + 240), radius=22, fill=(30, 30, 34))
    draw.rectangle((x + 10, y + 22, x + 140, y + 220), fill=(236, 229, 221))
    for n in range(5):
        left = n % 2 == 0
        bx = x + 16 if left else x + 60
        draw.rounded_rectangle(
            (bx, y + 32 + n * 36, bx + 74, y + 58 + n * 36), radius=8, fill=(255, 255, 255) if left else (210, 245, 200)
        )


def scene_workshop(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A workshop: shelves of jars and boxes above a workbench."""
    for shelf in range(3):
        y = 110 + shelf * 80
        draw.rectangle((40, y, 760, y + 10), fill=_shade(rng, (120, 85, 55)))
        x = 60
        while x < 730:
            width = rng.randint(30, 60)
            if rng.random() < 0.5:
                draw.rounded_rectangle((x, y - 55, x + width, y), radius=8, fill=_shade(rng, (150, 120, 90), 80))
            else:
                draw.rectangle((x, y - 45, x + width, y), fill=_shade(rng, (180, 150, 110), 40))
            x += width + rng.randint(8, 20)
    _table(draw, rng, 360)


def scene_board(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    """A board with rows of coloured sticky notes."""
    draw.rectangle((60, 50, 740, 430), fill=(246, 246, 242), outline=(120, 120, 120), width=8)
    colours = [(250, 225, 90), (250, 160, 170), (140, 200, 240), (170, 225, 140)]
    for row in range(4):
        for col in range(7):
            if rng.random() < 0.8:
                x, y = 90 + col * 92 + rng.randint(-6, 6), 75 + row * 88 + rng.randint(-6, 6)
                draw.rectangle((x, y, x + 70, y + 66), fill=_shade(rng, colours[rng.randrange(4)], 10))
                for line in range(3):
                    draw.line((x + 8, y + 16 + line * 14, x + 60, y + 16 + line * 14), fill=(90, 90, 110), width=2)


SCENES: dict[str, Callable[[ImageDraw.ImageDraw, random.Random], None]] = {
    "mesa": scene_table,
    "mercado": scene_market,
    "tienda": scene_shop,
    "celular": scene_phone,
    "taller": scene_workshop,
    "pizarra": scene_board,
}


_GRAIN: list[Image.Image] = []


def _grain() -> Image.Image:
    """Sensor grain and surface texture at the drawing size, made once per process from a fixed seed (so a
    photo's bytes depend on its seed only) and shifted for each photo."""
    if not _GRAIN:
        noise = random.Random("semilla-grano").randbytes(DRAW[0] * DRAW[1])
        _GRAIN.append(Image.frombytes("L", DRAW, noise).convert("RGB"))
    return _GRAIN[0]


def _daylight(rng: random.Random) -> Image.Image:
    """Uneven daylight: a few big soft patches of light and shade."""
    patches = bytes(rng.randint(70, 185) for _n in range(10 * 7))
    return Image.frombytes("L", (10, 7), patches).resize(DRAW, Image.Resampling.BICUBIC).convert("RGB")


def photo_jpeg_bytes(*, scene: str, seed: str, texture: float = 0.26) -> bytes:
    """A 1600x1000 photo-like JPEG of the scene; the same seed gives the same picture."""
    rng = random.Random(seed)
    picture = ImageOps.colorize(
        Image.linear_gradient("L").resize(DRAW), _shade(rng, (236, 228, 212)), _shade(rng, (190, 176, 160))
    )
    SCENES[scene](ImageDraw.Draw(picture), rng)
    picture = Image.blend(picture, ImageChops.offset(_grain(), rng.randrange(DRAW[0]), rng.randrange(DRAW[1])), texture)
    picture = ImageChops.soft_light(picture, _daylight(rng))
    # A vignette: the corners a little darker, as a phone lens leaves them.
    edges = Image.radial_gradient("L").resize(DRAW).point(lambda v: 255 - min(255, v) * 2 // 5)
    picture = Image.composite(picture, Image.new("RGB", DRAW, (20, 18, 16)), edges)
    picture = picture.resize(SIZE, Image.Resampling.BICUBIC)  # the enlargement is the soft focus
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()
