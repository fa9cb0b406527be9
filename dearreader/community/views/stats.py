from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from dearreader.accounts.requests import MemberRequest
from dearreader.community import hits, limits
from dearreader.community.models import Kudos, Review
from dearreader.lib.svgchart import line_chart
from dearreader.works.models import Work


@login_required
def stats(request: MemberRequest) -> HttpResponse:
    """An author's works with their counts, and hits, kudos and reviews per day as a chart."""
    works = list(Work.objects.filter(pen_name__member=request.user).order_by("title"))
    chosen = next((w for w in works if str(w.pk) == request.GET.get("work")), None)
    ids = [chosen.pk] if chosen else [w.pk for w in works]
    today = timezone.localdate()
    days = [today - timedelta(days=n) for n in range(limits.STATS_DAYS - 1, -1, -1)]

    def per_day(rows) -> list[int]:  # type: ignore[no-untyped-def]
        counts = {
            row["day"]: row["n"]
            for row in rows.filter(work_id__in=ids, created_at__date__gte=days[0])
            .annotate(day=TruncDate("created_at"))
            .values("day")
            .annotate(n=Count("pk"))
        }
        return [counts.get(day, 0) for day in days]

    hit_counts = hits.per_day(works=ids, author_id=request.user.pk, since=days[0])
    series = {
        "Hits": ("line--hits", [hit_counts.get(day, 0) for day in days]),
        "Kudos": ("line--kudos", per_day(Kudos.objects.all())),
        "Reviews": ("line--reviews", per_day(Review.objects.all())),
    }
    chart = line_chart(days, series)
    table = [(day, *(values[i] for _, values in series.values())) for i, day in enumerate(days)]
    return render(
        request,
        "community/stats.html",
        {"works": works, "chosen": chosen, "chart": chart, "table": table, "names": list(series)},
    )
