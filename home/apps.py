from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        """Connects the site and page caches' invalidation (see ``home.site_cache``, ``home.page_cache``);
        gives the admin date pickers that never turn unreadable text into today (``home.widgets``)."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import page_cache, site_cache, widgets

        widgets.register_overrides()

        post_save.connect(site_cache.on_model_change, dispatch_uid="site-cache-save")
        post_delete.connect(site_cache.on_model_change, dispatch_uid="site-cache-delete")
        for signal, name in (
            (page_published, "publish"),
            (page_unpublished, "unpublish"),
            (post_page_move, "move"),
        ):
            signal.connect(site_cache.new_generation, dispatch_uid=f"site-cache-{name}")
            signal.connect(page_cache.on_page_change, dispatch_uid=f"frontend-cache-{name}")
