"""Fixed lists editors choose from."""

from django.db import models


class Profession(models.TextChoices):
    ICT = "ict", "ICT and digital"
    SOCIAL_WORK = "social-work", "Social work"
    STEM = "stem", "Science, technology, engineering and maths"
    PLANNING = "planning", "Planning"
    LEGAL = "legal", "Legal"
    OTHER = "other", "Other"


class Region(models.TextChoices):
    ENGLAND = "england", "England-wide"
    MIDLANDS_AND_NORTH = "midlands-and-north", "The Midlands and the North"
    NORTH_EAST = "north-east", "North East"
    NORTH_WEST = "north-west", "North West"
    YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east-midlands", "East Midlands"
    WEST_MIDLANDS = "west-midlands", "West Midlands"
    EAST = "east", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south-east", "South East"
    SOUTH_WEST = "south-west", "South West"


_MIDLANDS_AND_NORTH = {
    Region.NORTH_EAST,
    Region.NORTH_WEST,
    Region.YORKSHIRE,
    Region.EAST_MIDLANDS,
    Region.WEST_MIDLANDS,
}
#: The regions a wider region's programmes cover, besides itself.
REGION_COVERS = {
    Region.ENGLAND: set(Region) - {Region.ENGLAND},
    Region.MIDLANDS_AND_NORTH: _MIDLANDS_AND_NORTH,
}


def regions_covering(region):
    """The regions whose programmes are open to people in ``region`` (itself and every wider one)."""
    return [wider for wider in Region if wider == region or region in REGION_COVERS.get(wider, ())]


class ArticleType(models.TextChoices):
    NEWS = "news", "News"
    CASE_STUDY = "case-study", "Case study"
    PRESS_RELEASE = "press-release", "Press release"
