from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "inbox"

    def ready(self):
        from django.db.models.signals import post_save

        from messaging.models import Message

        post_save.connect(_outbound_joins_conversation, sender=Message, dispatch_uid="inbox_outbound_joins")


def _outbound_joins_conversation(sender, instance, created, raw=False, **kwargs):
    """A text we send joins the contact's open conversation (messaging sits below inbox and cannot call it)."""
    if not created or raw or instance.direction != "outbound":
        return
    from .services.conversations import conversation_join_outbound

    conversation_join_outbound(message=instance)
