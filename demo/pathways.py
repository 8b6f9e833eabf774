"""The demo's career pathway: digital and data roles, after the government's DDaT capability framework."""

from campaigns.choices import Profession


def role(title, level, description, skills, qualifications=""):
    return (
        "role",
        {
            "title": title,
            "level": level,
            "description": description,
            "skills": skills,
            "qualifications": qualifications,
        },
    )


DDAT_PATHWAY = {
    "slug": "digital-and-data-career-pathway",
    "title": "Digital and data career pathway",
    "profession": Profession.ICT,
    "introduction": "The digital, data and technology roles councils recruit for, the skills each needs, "
    "and how returners come back into them.",
    "framework": "the Government Digital and Data Profession Capability Framework (DDaT), "
    "which Socitm and the LGA use for local government",
    "roles": [
        role(
            "Junior developer",
            "Entry",
            "Writes and tests code for council services with support from more experienced developers.",
            ["Programming and build (software engineering)", "Prototyping", "User focus"],
        ),
        role(
            "Developer",
            "Practitioner",
            "Builds, tests and supports digital services, and helps choose how they are built.",
            [
                "Programming and build (software engineering)",
                "Systems integration",
                "Information security",
                "Modern standards approach",
            ],
        ),
        role(
            "Senior developer",
            "Senior practitioner",
            "Leads the building of services, reviews others' work and coaches developers.",
            ["Systems design", "Development process optimisation", "Availability and capacity management"],
        ),
        role(
            "Delivery manager",
            "Practitioner",
            "Helps multidisciplinary teams deliver services: plans, removes blockers, manages risks.",
            ["Agile working", "Life cycle perspective", "Maintaining delivery momentum", "Team dynamics"],
            "Agile or project management training helps but is not required.",
        ),
        role(
            "Data analyst",
            "Practitioner",
            "Turns council data into insight that improves services for residents.",
            ["Data analysis and synthesis", "Data visualisation", "Data quality assurance", "Statistics"],
        ),
        role(
            "Service owner",
            "Lead",
            "Is accountable for a council service end to end, across digital and offline channels.",
            ["Agile and Lean practices", "Business case", "Strategic ownership", "User focus"],
        ),
    ],
    "routes_back": "<p>Return to Work – ICT trains returners for these roles with Socitm and matches them "
    "with councils. Skills you used before your break still count: the framework describes each "
    "at four levels, so you can see where you fit now and where a refresher takes you.</p>",
}
