from django.db import migrations

# AO3's archive warnings, as of this migration (kept here so later edits to the list in
# models.py do not change what this migration did).
WARNINGS = [
    "Creator Chose Not To Use Archive Warnings",
    "No Archive Warnings Apply",
    "Graphic Depictions Of Violence",
    "Major Character Death",
    "Rape/Non-Con",
    "Underage Sex",
]


def add_warnings(apps, schema_editor):
    Tag = apps.get_model("works", "Tag")
    for name in WARNINGS:
        Tag.objects.get_or_create(kind="warning", name=name)


def remove_warnings(apps, schema_editor):
    apps.get_model("works", "Tag").objects.filter(kind="warning", name__in=WARNINGS).delete()


class Migration(migrations.Migration):
    dependencies = [("works", "0001_initial")]
    operations = [migrations.RunPython(add_warnings, remove_warnings)]
