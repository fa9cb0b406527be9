"""The library's limits, each with its reason."""

# A bookmark's tags are the member's own shelf labels: a handful, short enough to show as chips.
MAX_BOOKMARK_TAGS = 20
BOOKMARK_TAG_MAX_LENGTH = 100
# A note is a few lines slipped into a book, not a review (reviews have their own place).
BOOKMARK_NOTES_MAX_LENGTH = 5000
# Paragraph indices beyond this are not a real place in any chapter (a chapter holds at most
# 500,000 characters), so a larger number is refused as junk.
MAX_PARAGRAPH = 100_000
# The reader's script saves a position at most every few seconds; a minute's worth of saves
# twice over still fits, a loop hammering the endpoint does not.
POSITION_RATE = "40/m"
BOOKMARKS_PER_PAGE = 20
HISTORY_PER_PAGE = 30
