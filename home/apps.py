from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and site settings"

    def ready(self):
        """Connects the site cache's invalidation (see ``home.site_cache``)."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from home import site_cache

        post_save.connect(site_cache.on_model_change, dispatch_uid="site-cache-save")
        post_delete.connect(site_cache.on_model_change, dispatch_uid="site-cache-delete")
        page_published.connect(site_cache.new_generation, dispatch_uid="site-cache-publish")
        page_unpublished.connect(site_cache.new_generation, dispatch_uid="site-cache-unpublish")
        post_page_move.connect(site_cache.new_generation, dispatch_uid="site-cache-move")
