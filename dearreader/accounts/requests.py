from django.http import HttpRequest

from dearreader.accounts.models import Member


class MemberRequest(HttpRequest):
    """The request type of views behind @login_required: its user is a member, never a guest."""

    user: Member
