"""Every limit the archive holds to, in one place, each with the reason for it.

The import preview and the save both check these (a file the save would refuse is refused before
its preview), the forms and models take their sizes from here, and the settings derive Django's
request limits from them. Plain values, no Django: the importer reads them too.
"""

MB = 1024 * 1024

# Story files. The longest stories ever posted are a few MB of text; a bigger file is not one
# story, and reading it (decode, parse, preview form) must stay well inside a web request.
IMPORT_MAX_BYTES = 10 * MB
# Line breaks, <br>s and paragraphs in one file. Reading a story costs a little for each (its
# notes, headings, letters are looked for line by line): this keeps the worst file inside a
# request. A 10 MB novel hard-wrapped at 70 columns has 150,000 lines.
IMPORT_MAX_LINES = 250_000

# Works and chapters.
CHAPTERS_PER_WORK = 500  # the longest serials run to a few hundred chapters
CHAPTER_MAX_CHARS = 500_000  # AO3's limit; rendering it takes far under a second (bench render)
TITLE_MAX_CHARS = 255
SUMMARY_MAX_CHARS = 1250  # AO3's: a blurb, not a chapter
NOTES_MAX_CHARS = 5000  # notes and disclaimers, as on AO3
INSPIRED_BY_MAX_CHARS = 255
TAGS_PER_WORK = 75  # AO3's
TAG_MAX_CHARS = 150  # AO3's tag length
TAG_FIELD_MAX_CHARS = 2000  # one comma-separated tag field in the form
# "Find letters and scene breaks for me" reads each paragraph against many rules; past this
# many paragraphs in one chapter (500 KB of 25-character paragraphs: not prose) only the
# structure written in the text counts, so that no chapter takes seconds to save.
FIND_STRUCTURE_MAX_PARAGRAPHS = 20_000
# A work announces how many chapters it will have; it can never have more than the limit.
EXPECTED_CHAPTERS_MIN = 1
EXPECTED_CHAPTERS_MAX = CHAPTERS_PER_WORK

# Members.
PEN_NAME_MAX_CHARS = 60
PEN_NAME_DESCRIPTION_MAX_CHARS = 2000

# Letters between members. The longest letters people write run to a few thousand words:
# 100,000 characters (some 17,000 words) is more than any letter, and renders in a blink.
LETTER_MAX_CHARS = 100_000
LETTER_SUBJECT_MAX_CHARS = 200
# A letter to several members names at most this many; more than a table of friends is what a
# letter to a work's followers or reviewers is for (they chose to hear from the writer).
LETTER_NAMED_RECIPIENTS = 20
LETTER_TO_MAX_CHARS = 2000  # the "To" field: twenty account names with room to spare
# A delivery date further ahead than this is more likely a typo (2062 for 2026) than a plan.
LETTER_DELIVERY_MAX_DAYS = 2 * 366
LETTER_REPORT_MAX_CHARS = 2000
LETTERS_PER_PAGE = 30

# Requests. The import preview sends every chapter back as form fields: six per chapter, about
# thirty for the work and the formset. Django answers a request over these limits with an error
# page, so they are derived from the limits above, never below them.
FIELDS_PER_CHAPTER = 6
WORK_FORM_FIELDS = 40
FORM_MAX_FIELDS = max(5000, CHAPTERS_PER_WORK * FIELDS_PER_CHAPTER + WORK_FORM_FIELDS)
# An imported story comes back from its preview as form fields: its text, plus the HTML
# escaping of an HTML body and the notes, kept well above the file limit.
FORM_MAX_BYTES = 3 * IMPORT_MAX_BYTES

# Throttles, per member and per client address ("N/m" per minute, "N/h" per hour). Generous for
# a person, short of what a script hammering the archive needs.
THROTTLES = {
    # Guessing passwords pays; a person mistyping does not need more than this.
    "login": {"address": "10/m", "member": "20/h"},
    # Accounts made in bulk are for spam.
    "register": {"address": "5/h"},
    # Each request sends an email: keep the archive from being used to flood an inbox.
    "password_reset": {"address": "5/h", "member": "3/h"},
    # Posting renders and stores text: a person posts a few works an hour, not hundreds.
    "post": {"address": "60/h", "member": "20/h"},
    "chapter": {"address": "120/h", "member": "60/h"},
    "edit": {"address": "300/h", "member": "120/h"},
    # Reading a story file is the most work the archive does for one request.
    "import": {"address": "60/h", "member": "30/h"},
    "account": {"address": "30/h", "member": "10/h"},
    # Each letter sent reaches an inbox, and maybe an email: plenty for a member writing to
    # friends, too few for a script writing to strangers.
    "letter": {"address": "60/h", "member": "20/h"},
    # A letter to a work's followers or reviewers reaches hundreds at once: a few a day.
    "letter_many": {"address": "6/d", "member": "3/d"},
    # Drafts save themselves at each pause in typing: at most one every two seconds or so.
    "letter_draft": {"address": "60/m", "member": "30/m"},
    # A report puts a letter before staff: a member in trouble sends a few, not dozens.
    "letter_report": {"address": "30/d", "member": "10/d"},
}
