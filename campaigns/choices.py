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


class ArticleType(models.TextChoices):
    NEWS = "news", "News"
    CASE_STUDY = "case-study", "Case study"
    PRESS_RELEASE = "press-release", "Press release"
