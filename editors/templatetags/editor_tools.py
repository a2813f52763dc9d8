"""{% my_work_counts as counts %}: on the admin's home page, what waits for the signed-in editor."""

from django import template

from review.models import Draft

register = template.Library()


@register.simple_tag(takes_context=True)
def my_work_counts(context) -> dict:
    user = context["request"].user
    drafts = Draft.objects.all()
    return {
        "to_review": drafts.filter(state=Draft.State.IN_REVIEW).exclude(changed_by=user).count(),
        "returned": drafts.filter(state=Draft.State.RETURNED, changed_by=user).count(),
    }
