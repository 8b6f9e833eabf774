"""The demo programmes, written from the programmes' published facts.

Dates are relative to the day the command runs, so that one programme is open for
applications, one opens later and one has closed.
"""

from datetime import timedelta


def programmes(today):
    """The three demo programmes as plain data the loader turns into pages."""
    return [
        social_work(today),
        ict(today),
        stem(today),
    ]


def social_work(today):
    opens = today - timedelta(days=10)
    closes = today + timedelta(days=14)
    return {
        "slug": "come-back-to-social-work",
        "title": "Come Back to Social Work",
        "summary": (
            "Thirty funded places for qualified social workers who left the profession two "
            "to five years ago, with 13 weeks of training towards re-registration."
        ),
        "profession": "social-work",
        "region": "england",
        "places": 30,
        "who_it_is_for": (
            "Qualified social workers who stepped away from practice for family, caring, "
            "health or a change of career, and who want to return to a council social work team."
        ),
        "eligibility": (
            "<p>You can apply if you:</p><ul>"
            "<li>qualified as a social worker in the UK</li>"
            "<li>last practised as a social worker between two and five years ago</li>"
            "<li>have the right to work in the UK</li>"
            "<li>can take part in 13 weeks of training</li></ul>"
        ),
        "training_offered": (
            "<p>Thirteen weeks of funded training and supervised learning to help you meet "
            "the standards for re-registration, with a named mentor in a council team.</p>"
            "<p>You keep a personal development plan for six months after the programme, "
            "and you can join a talent pool that council employers search when they recruit.</p>"
        ),
        "partners": ["Local Government Association", "Department for Education", "Department of Health"],
        "key_dates": [
            ("Website opens", opens, ""),
            ("Applications close", closes, "at 11:59pm"),
            ("Training starts", closes + timedelta(days=42), ""),
        ],
        "figures": [
            ("1,700", "adult social worker vacancies in England in 2015", "Skills for Care"),
            ("1,100", "adult social worker vacancies in England in 2014", "Skills for Care"),
        ],
        "case_study": (
            "I left to care for my father. Three years later I missed the work but had lost my "
            "confidence. The training gave me back both the skills and the belief.",
            "Amira",
            "Returning social worker",
        ),
        "faqs": [
            ("Do I have to pay for the training?", "No. The training is funded by the programme's partners."),
            (
                "I left social work six years ago. Can I apply?",
                "This cohort is for people who left between two and five years ago. Sign up for "
                "news to hear about future cohorts.",
            ),
            (
                "What happens after I apply?",
                "We check your application against the eligibility rules, then invite shortlisted "
                "applicants to an interview with a participating council.",
            ),
        ],
        "article": (
            "return-to-social-work-after-caring",
            "From carer to social worker again",
            "case-study",
            "How one returner came back to a council children's team after three years away.",
        ),
        "councils": [
            ("Leeds City Council", "yorkshire", "https://www.leeds.gov.uk"),
            ("Essex County Council", "east", "https://www.essex.gov.uk"),
            ("Bristol City Council", "south-west", "https://www.bristol.gov.uk"),
        ],
        "plan": [
            (
                "ReFresh week",
                "A week of refresher sessions on law, practice and recording, with other returners.",
                "https://www.local.gov.uk/",
                "Read about the ReFresh week",
            ),
            (
                "HCPC re-registration support",
                "Support to gather the evidence of updating you need to return to the register.",
                "https://www.hcpc-uk.org/registration/returning-to-practice/",
                "Returning to practice (HCPC)",
            ),
            (
                "13 weeks' training",
                "Funded training and supervised learning in a council team, with a named mentor.",
                "",
                "",
            ),
            ("Update your CV", "Add the training and the work you did during your career break.", "", ""),
        ],
        "form": {
            "prefix": "CBSW",
            "opens_at": (opens, 9, 0),
            "closes_at": (closes, 23, 59),
        },
    }


def ict(today):
    opens = today + timedelta(days=21)
    closes = today + timedelta(days=60)
    return {
        "slug": "return-to-work-ict",
        "title": "Return to Work – ICT",
        "summary": (
            "Run by the Local Government Association with Socitm, helping ICT professionals "
            "back into council jobs after a career break."
        ),
        "profession": "ict",
        "region": "england",
        "places": None,
        "who_it_is_for": (
            "ICT and digital professionals who have taken a career break and want to use their "
            "skills in local government."
        ),
        "eligibility": (
            "<p>You can apply if you:</p><ul>"
            "<li>have worked in an ICT or digital role</li>"
            "<li>have had a career break of a year or more</li>"
            "<li>have the right to work in the UK</li></ul>"
        ),
        "training_offered": (
            "<p>Refresher training, networking with council ICT teams and interview preparation. "
            "Councils cut their recruitment costs by finding experienced staff this way.</p>"
            "<p>Planning and legal professions run similar returner programmes.</p>"
        ),
        "partners": ["Local Government Association", "Socitm"],
        "key_dates": [
            ("Applications open", opens, "at 9am"),
            ("Applications close", closes, "at 5pm"),
        ],
        "figures": [],
        "case_study": (
            "After five years away I thought technology had moved on without me. The networking "
            "days showed me how much councils value what I already knew.",
            "Daniel",
            "Infrastructure engineer",
        ),
        "faqs": [
            (
                "Which roles are available?",
                "Roles range from service desk and infrastructure to data and digital services.",
            ),
            ("Is the programme only for ICT?", "Planning and legal professions run similar programmes."),
        ],
        "article": (
            "councils-cut-ict-recruitment-costs",
            "Councils cut ICT recruitment costs with returners",
            "news",
            "Councils taking part report lower agency spend on hard-to-fill ICT roles.",
        ),
        "councils": [
            ("Manchester City Council", "north-west", "https://www.manchester.gov.uk"),
            ("Kent County Council", "south-east", "https://www.kent.gov.uk"),
        ],
        "plan": [
            (
                "Digital skills refresher",
                "Short courses on cloud services, security and service design in local government.",
                "",
                "",
            ),
            ("Networking day with council ICT teams", "Meet the teams that are recruiting.", "", ""),
            ("Interview practice", "A practice interview with feedback from a council manager.", "", ""),
        ],
        "form": {
            "prefix": "ICT",
            "opens_at": (opens, 9, 0),
            "closes_at": (closes, 17, 0),
        },
    }


def stem(today):
    opens = today - timedelta(days=60)
    closes = today - timedelta(days=5)
    return {
        "slug": "stem-recharge",
        "title": "STEM ReCharge",
        "summary": (
            "A free 18-month programme from Women Returners and STEM Returners bringing 100 "
            "parents and carers back into STEM careers in the midlands and the north."
        ),
        "profession": "stem",
        "region": "midlands-and-north",
        "places": 100,
        "who_it_is_for": (
            "Parents and carers with a science, technology, engineering or maths background who "
            "have taken a break to look after family."
        ),
        "eligibility": (
            "<p>You can apply if you:</p><ul>"
            "<li>have worked in a STEM role</li>"
            "<li>have had a career break to care for children or family</li>"
            "<li>live in the midlands or the north of England</li></ul>"
        ),
        "training_offered": (
            "<p>A week-long ReFresh with mentoring, skills sessions, and CV and interview "
            "coaching, then support into work. Thirty employers are supported to recruit returners.</p>"
        ),
        "partners": ["Women Returners", "STEM Returners"],
        "key_dates": [
            ("Applications opened", opens, ""),
            ("Applications closed", closes, ""),
            ("ReFresh week", closes + timedelta(days=30), ""),
        ],
        "figures": [("100", "parents and carers supported back into STEM", "STEM ReCharge")],
        "case_study": (
            "The ReFresh week was the first time in years I had talked about engineering with "
            "people who understood. Two months later I had an offer.",
            "Priya",
            "Civil engineer",
        ),
        "faqs": [
            ("How much does it cost?", "Nothing. The 18-month programme is free."),
            ("How many employers take part?", "Thirty employers are supported to recruit returners."),
        ],
        "article": (
            "stem-recharge-first-cohort",
            "First STEM ReCharge cohort completes ReFresh week",
            "news",
            "Parents and carers from across the midlands and the north met employers and mentors.",
        ),
        "councils": [
            ("Birmingham City Council", "west-midlands", "https://www.birmingham.gov.uk"),
            ("Newcastle City Council", "north-east", "https://www.newcastle.gov.uk"),
        ],
        "plan": [
            (
                "ReFresh week",
                "A week-long ReFresh with mentoring, skills sessions, and CV and interview coaching.",
                "",
                "",
            ),
            (
                "Professional registration",
                "Check what your professional body asks of returners, e.g. the Engineering Council.",
                "https://www.engc.org.uk/",
                "Engineering Council",
            ),
            ("Meet the employers", "Thirty employers are supported to recruit returners.", "", ""),
        ],
        "form": {
            "prefix": "STEM",
            "opens_at": (opens, 9, 0),
            "closes_at": (closes, 23, 59),
        },
    }


def privacy_notice():
    """The privacy page's body: its facts (controller, lawful basis, how long each kind of data is
    kept, sharing) come from the privacy facts block, read from the settings and fields the code uses."""
    return [
        (
            "paragraph",
            "<p>We collect the information you give us in an application so that we can assess it "
            "and arrange interviews with the councils taking part in the programme.</p>",
        ),
        ("privacy_facts", None),
        (
            "paragraph",
            "<h2>Your rights</h2><p>You can ask for a copy of your information, or ask us to correct "
            "or delete it, by writing to the contact address in the footer.</p>",
        ),
    ]
