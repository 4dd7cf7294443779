"""Seed capital in goods, under /incubadora/capital-semilla/."""

from django.urls import path

from incubator.seedcapital import views

app_name = "seedcapital"
urlpatterns = [
    path("", views.index, name="index"),
    path("mio/", views.mine, name="mine"),
    path("<int:pk>/", views.ledger, name="ledger"),
    path("<int:pk>/articulos/", views.item_add, name="item_add"),
    path("<int:pk>/articulos/<int:item_pk>/", views.item_edit, name="item_edit"),
    path("<int:pk>/articulos/<int:item_pk>/quitar/", views.item_remove, name="item_remove"),
    path("<int:pk>/compras/", views.purchase_add, name="purchase_add"),
    path("<int:pk>/compras/<int:purchase_pk>/factura/", views.receipt, name="receipt"),
    path("<int:pk>/entregas/", views.delivery_schedule, name="delivery_schedule"),
    path("<int:pk>/entregas/<int:delivery_pk>/confirmar/", views.delivery_confirm, name="delivery_confirm"),
    path("<int:pk>/entregas/<int:delivery_pk>/cancelar/", views.delivery_cancel, name="delivery_cancel"),
    path("<int:pk>/entregas/<int:delivery_pk>/foto/", views.delivery_photo, name="delivery_photo"),
]
