"""Every limit and threshold of the community app, each with its reason."""

from datetime import timedelta

# A review is a letter to the author, not a chapter: long enough for the longest FFN reviews
# readers write, short enough that a page of reviews stays light.
REVIEW_MAX_CHARS = 10_000
GUEST_NAME_MAX_CHARS = 60

# Guests have no account to lose, so they get few reviews per address before a pause; a reader
# who means it leaves one per chapter, a spammer hundreds. Members are known and get more.
GUEST_REVIEW_RATE = "4/10m"
MEMBER_REVIEW_RATE = "30/h"
# Kudos, faves and follows are one click each; a member clicking through a whole archive in
# minutes is a script.
FEEDBACK_RATE = "120/h"

REVIEWS_PER_PAGE = 20
NOTIFICATIONS_PER_PAGE = 50
FEED_ITEMS = 30

# Emails are sent this many at a time over one SMTP connection, then marked sent.
EMAIL_BATCH = 100

# The daily digest covers what arrived since the day before; a member who switches to the
# digest is not sent months of old news.
DIGEST_WINDOW = timedelta(days=2)
# Hit counts on blurbs are brought up to date this often (the stats page counts exactly).
HITS_ROLLUP_EVERY = timedelta(minutes=10)

# The author's stats chart covers this many days back from today.
STATS_DAYS = 30
