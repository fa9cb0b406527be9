"""A long generated story in the FanFiction.net shape, for the importer benchmarks."""

import random

WORDS = (  # noqa: SIM905 (a sentence reads better than a list of words)
    "the coffee was cold and she read his letter twice before she folded it into her book "
    "he walked past the diner window without looking in and the bell over the door rang anyway"
).split()


def paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def story(chapters: int, paragraphs: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts = ["A/N: A long one. R & R!", "Disclaimer: I own nothing but the plot."]
    for number in range(1, chapters + 1):
        parts.append(f"Chapter {number}: Part {number}")
        for n in range(paragraphs):
            parts.append(paragraph(rng, rng.randint(20, 90)))
            if n % 25 == 24:
                parts.append("* * *")
            if n % 40 == 39:
                parts += ["Dear Rory,", paragraph(rng, 60), paragraph(rng, 40), "Love,\nJess"]
    parts.append("A/N: Thanks for reading!")
    return "\n\n".join(parts)
