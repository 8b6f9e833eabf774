# One image for every process of the site: app servers (the default command) and task
# workers (`python manage.py db_worker`). Production settings; configuration comes from the
# environment at run time (README, "Running in production"), never from the image.
#
#   docker build -t return-to-work .
#   docker run --env-file .env -p 8000:8000 return-to-work                      # an app server
#   docker run --env-file .env return-to-work python manage.py db_worker        # a task worker
#   docker run --env-file .env return-to-work python manage.py migrate --noinput  # each release
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=microsite.settings.production \
    STATIC_ROOT=/app/staticfiles

WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# Static files are collected at build time (WhiteNoise serves them). The base settings need
# no secret, so none is baked into the image.
RUN DJANGO_SETTINGS_MODULE=microsite.settings.base python manage.py collectstatic --noinput -v0
# Our own strings' Welsh (locale/cy), compiled with GNU gettext's msgfmt, which is then removed.
RUN apt-get update && apt-get install -y --no-install-recommends gettext \
    && DJANGO_SETTINGS_MODULE=microsite.settings.base python manage.py compilemessages -l cy --ignore=.venv -v0 \
    && apt-get purge -y gettext && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*

RUN useradd --system --uid 10001 --no-create-home app
USER app

EXPOSE 8000
CMD ["gunicorn", "microsite.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
