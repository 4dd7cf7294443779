#!/bin/sh
# The front image's start: fill in the same templates docker/stack.sh fills in, then run nginx in the foreground.
# Compose sets the SEMILLA_* names of docker/nginx.conf.template (site and H5P host names, upstreams).
set -eu
export SEMILLA_STATIC_ROOT=/srv/semilla/static SEMILLA_ERROR_ROOT=/srv/semilla/errors
export SEMILLA_NGINX_USER=www-data SEMILLA_NGINX_RUN=/run/semilla SEMILLA_NGINX_LOGS=/var/log/nginx \
    SEMILLA_NGINX_TEMP=/var/cache/semilla-nginx SEMILLA_NGINX_SITE=/etc/semilla/semilla.conf
envsubst '$SEMILLA_LISTEN $SEMILLA_SITE_HOST $SEMILLA_CONTENT_LISTEN $SEMILLA_CONTENT_HOST $SEMILLA_HTTP_UPSTREAM $SEMILLA_DAPHNE_1 $SEMILLA_DAPHNE_2 $SEMILLA_STATIC_ROOT $SEMILLA_ERROR_ROOT $SEMILLA_FORWARDED_PROTO' \
    </etc/semilla/nginx.conf.template >/etc/semilla/semilla.conf
envsubst '$SEMILLA_NGINX_USER $SEMILLA_NGINX_RUN $SEMILLA_NGINX_LOGS $SEMILLA_NGINX_TEMP $SEMILLA_NGINX_SITE' \
    </etc/semilla/nginx-main.conf.template >/etc/semilla/nginx.conf
exec nginx -g 'daemon off;' -c /etc/semilla/nginx.conf
