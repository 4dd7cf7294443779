"""Seed capital in goods, under /incubadora/capital-semilla/."""

from django.urls import path

from incubator.seedcapital import views

app_name = "seedcapital"
urlpatterns = [
    path("", views.index, name="index"),
    path("mio/", views.mine, name="mine"),
    path("<id:pk>/", views.ledger, name="ledger"),
    path("<id:pk>/articulos/", views.item_add, name="item_add"),
    path("<id:pk>/articulos/<id:item_pk>/", views.item_edit, name="item_edit"),
    path("<id:pk>/articulos/<id:item_pk>/quitar/", views.item_remove, name="item_remove"),
    path("<id:pk>/compras/", views.purchase_add, name="purchase_add"),
    path("<id:pk>/compras/<id:purchase_pk>/factura/", views.receipt, name="receipt"),
    path("<id:pk>/entregas/", views.delivery_schedule, name="delivery_schedule"),
    path("<id:pk>/entregas/<id:delivery_pk>/confirmar/", views.delivery_confirm, name="delivery_confirm"),
    path("<id:pk>/entregas/<id:delivery_pk>/cancelar/", views.delivery_cancel, name="delivery_cancel"),
    path("<id:pk>/entregas/<id:delivery_pk>/foto/", views.delivery_photo, name="delivery_photo"),
]
