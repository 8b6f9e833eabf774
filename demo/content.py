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
            "<p>Thirteen weeks of funded training and supervised learning towards HCPC "
            "re-registration, with a named mentor in a council team. The training is delivered by "
            "Chinara, Making Research Count and the Reflective Practice Network.</p>"
            "<p>Every applicant, whether or not they win a place, gets a personal development plan "
            "for six months and can join a talent pool that council employers search when they "
            "recruit.</p>"
        ),
        "partners": [
            "Local Government Association",
            "Department for Education",
            "Department of Health",
            "Chinara",
            "Making Research Count",
            "Reflective Practice Network",
        ],
        "key_dates": [
            ("Website opens", opens - timedelta(days=7), ""),
            ("Interviews with councils", closes + timedelta(days=21), "in the council's offices"),
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
        "press_release": social_work_press_release(opens),
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
            "<p>Refresher training led by Socitm, networking with council ICT teams and interview "
            "preparation. The programme matches councils with candidates ready to return, which "
            "cuts the cost of recruitment for the organisations that sign up.</p>"
            "<p>Planning and legal professions run similar returner programmes.</p>"
        ),
        "partners": ["Local Government Association", "Socitm"],
        "key_dates": [
            ("Online information session", opens + timedelta(days=7), "at 12:30pm"),
            ("Networking day with council ICT teams", closes + timedelta(days=28), ""),
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
        "press_release": ict_press_release(today),
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
            "coaching, then support into work with one of the 30 employers the programme supports "
            "to recruit returners.</p>"
        ),
        "partners": ["Women Returners", "STEM Returners"],
        "key_dates": [
            ("ReFresh week", closes + timedelta(days=30), "five days, in Manchester and Birmingham"),
            ("Introductions to employers", closes + timedelta(days=45), ""),
        ],
        "figures": [
            ("100", "parents and carers supported back into STEM", "STEM ReCharge"),
            ("30", "employers supported to recruit returners", "STEM ReCharge"),
        ],
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
            "First STEM ReCharge cohort chosen for ReFresh week",
            "news",
            "Parents and carers from across the midlands and the north will meet mentors and the 30 "
            "employers at next month's ReFresh week.",
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


#: The press office the demo's press releases name (a MediaContact snippet).
MEDIA_CONTACT = {
    "name": "LGA media office",
    "role": "Media relations",
    "organisation": "Local Government Association",
    "phone": "020 7664 3333",
    "out_of_hours_phone": "07000 000000",
    "email": "media@example.org",
}


def social_work_press_release(opens):
    """The LGA's launch release of Come Back to Social Work, with its quotes and notes to editors."""
    return {
        "slug": "come-back-to-social-work-launch",
        "title": "Thirty places for social workers to come back to the profession",
        "date": opens - timedelta(days=1),
        "summary": (
            "The LGA, the Department for Education and the Department of Health launch Come Back to "
            "Social Work: 30 places for social workers who left the profession two to five years ago."
        ),
        "body": (
            "<p>Social workers who left the profession in the last two to five years can apply for "
            "one of 30 places on Come Back to Social Work, a programme run by the Local Government "
            "Association with the Department for Education and the Department of Health.</p>"
            "<p>Successful applicants get 13 weeks of funded training towards re-registration with the "
            "Health and Care Professions Council (HCPC), and a supervised placement in a council "
            "social work team.</p>"
            "<p>Every applicant, whether or not they win a place, gets a personal development plan for "
            "six months and can join a talent pool that councils search when they recruit.</p>"
        ),
        "quotes": [
            (
                "Councils need experienced social workers, and many who left would come back with the "
                "right support. This programme gives them that support and gives councils the "
                "experience their communities need.",
                "The Chair of the LGA's Workforce Board",
                "Local Government Association",
            ),
            (
                "Returning social workers bring years of practice with them. Thirteen weeks of training "
                "and supervision will help them back onto the register and into council teams.",
                "A spokesperson for the Department for Education",
                "Department for Education",
            ),
        ],
        "notes_to_editors": (
            "<ol><li>Come Back to Social Work is run by the Local Government Association (LGA) with the "
            "Department for Education (DfE) and the Department of Health (DoH).</li>"
            "<li>The programme offers 30 places to people who left social work two to five years ago. "
            "Training is delivered by Chinara, Making Research Count and the Reflective Practice "
            "Network over 13 weeks, towards HCPC re-registration.</li>"
            "<li>All applicants receive a personal development plan for six months and can join a "
            "talent pool.</li></ol>"
        ),
    }


def ict_press_release(today):
    """The LGA's launch release of Return to Work – ICT, with Socitm leading the ICT training."""
    return {
        "slug": "return-to-work-ict-launch",
        "title": "Return to Work – ICT matches councils with returning ICT professionals",
        "date": today - timedelta(days=3),
        "summary": (
            "The LGA launches Return to Work – ICT, with Socitm leading the ICT training, to match "
            "councils with ICT professionals ready to return after a career break."
        ),
        "body": (
            "<p>The Local Government Association today launches Return to Work – ICT, a programme "
            "that matches councils with ICT and digital professionals ready to return to work after "
            "a career break.</p>"
            "<p>Socitm, the society for IT practitioners in the public sector, leads the ICT training. "
            "Councils and other organisations that sign up find experienced candidates without the "
            "cost of agency fees or repeated advertising.</p>"
        ),
        "quotes": [
            (
                "Councils struggle to fill digital roles, while experienced people who took a break "
                "are ready to come back. Return to Work – ICT brings the two together and cuts the "
                "cost of recruitment for every council that signs up.",
                "The Chair of the LGA's Workforce Board",
                "Local Government Association",
            ),
            (
                "Returners' skills have not gone away. Our training brings them up to date with how "
                "councils run technology today.",
                "The President of Socitm",
                "Socitm",
            ),
        ],
        "notes_to_editors": (
            "<ol><li>Return to Work – ICT is run by the Local Government Association (LGA).</li>"
            "<li>Socitm leads the ICT training.</li>"
            "<li>Councils and other public sector organisations can sign up on the programme's "
            "information page for councils.</li></ol>"
        ),
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
